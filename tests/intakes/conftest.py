from tests.successfactors.conftest import elsewhere  # noqa: F401 (the other organisation, shared by both catalogues)
