"""Training the emotion model: trimmed vocabulary, fine-tuned encoder and head (`make train-affect`).

The only code that needs torch (the `train` extra); the live process never imports it.
`vocab` picks the English + Dutch pieces, `network` ports USE m3's network to torch,
`finetune` trains it with the head, `data` reads GoEmotions, `metrics` and `head` evaluate.
"""
