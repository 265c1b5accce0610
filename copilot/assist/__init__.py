"""Agent assist: what the AI prepares so the agent never starts from zero, while the agent decides.

`stage.AssistStage` is the pipeline stage; `chat.ChatConversation` runs text turns
through the same stages; `learning.FeedbackLearner` applies the agents' feedback.
Kept free of imports so `copilot.config` can read `settings` without loading models.
"""
