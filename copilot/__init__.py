"""copilot: an on-premises real-time voice call copilot for customer-service teams."""

__version__ = "0.1.0"
