"""Training the emotion model: trimmed vocabulary, fine-tuned encoder and head (`make train-affect`).

The only code that needs torch; the live process never imports it. `vocab` picks the
English + Dutch pieces, `finetune` trains the network with the head, `head` evaluates.
"""
