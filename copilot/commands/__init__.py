"""What the `copilot` command runs: transcribe, listen, demo, simulate, classify, assist.

Each module is one subcommand's work; `copilot.cli` parses the arguments and calls it.
The top layer: may import anything, and nothing imports it but the CLI.
"""
