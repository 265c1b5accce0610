"""Agent assist: what the AI prepares so the agent never starts from zero, while the agent decides.

`stage.AssistStage` is the pipeline stage (intent, urgency, articles, next steps,
complex cases, drafts); `learning.FeedbackLearner` applies the agents' feedback,
after `abstraction` has taken every contact's personal words out of it. What it
knows of a company comes from one domain folder (`domain`, `domain_check`,
`domain_eval`: docs/domain.md).
`settings` stays free of model imports so `copilot.config` can read it cheaply.
May import `events`, `audio`, `encoders` and `pipeline`.
"""
