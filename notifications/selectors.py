from notifications.services import frequency_of

__all__ = ["frequency_of"]
