import pytest


@pytest.fixture(autouse=True)
def addresses(world):
    """Everyone in the world has an e-mail address, so that the outbox has someone to tell."""
    for name, user in world.users.items():
        user.email = f"{name}@example.org"
        user.save(update_fields=["email"])
