"""Requests that arrive at the same moment, for the race tests: real threads, each on its own database
connection (Django's connections are per thread), released together by a barrier. Only in a transactional test
(pytest.mark.django_db(transaction=True)): the threads must see the test's data, so it has to be committed."""

import threading

from django.db import connection
from django.test import Client


def signed_in_clients(user, n: int) -> list[Client]:
    """n browsers of one user, each with its own session (as two tabs, a double tap, a script)."""
    clients = []
    for _ in range(n):
        client = Client()
        client.force_login(user)
        clients.append(client)
    return clients


def post_simultaneously(clients: list[Client], url: str, data: dict) -> list:
    """Each client posts `data` to `url` at once. Returns each answer, or the exception a view raised (the
    server error a user would get)."""
    start = threading.Barrier(len(clients))
    answers = [None] * len(clients)

    def post(n):
        try:
            start.wait(timeout=60)
            answers[n] = clients[n].post(url, data)
        except Exception as error:
            answers[n] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=post, args=(n,)) for n in range(len(clients))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def statuses(answers: list) -> list:
    """The status of each answer, or the exception's repr, sorted: for one readable assertion."""
    return sorted((a.status_code if hasattr(a, "status_code") else repr(a) for a in answers), key=str)
