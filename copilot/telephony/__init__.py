"""Sans-I/O parsers for the telephony platforms' streaming protocols."""
