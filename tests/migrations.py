"""Tests of data migrations run them on a database as it was: these helpers move the schema back and forth."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()


def state_before(graph, before: dict) -> list:
    """The leaves as they were: the apps in before at their old migration, every other app at its newest migration
    that does not build on what before rolls back (a later app may depend on the new migrations)."""
    leaves = graph.leaf_nodes()
    targets = {app: (app, before.get(app, name)) for app, name in leaves}
    rolled_back = set()
    for app, name in leaves:
        if app in before:
            newer = set(graph.forwards_plan((app, name))) - set(graph.forwards_plan(targets[app]))
            rolled_back |= {node for node in newer if node[0] == app}
    for app, name in leaves:
        if app in before:
            continue
        node = (app, name)
        while node and rolled_back & set(graph.forwards_plan(node)):
            parents = [p for p in graph.node_map[node].parents if p[0] == app]
            node = parents[0] if parents else None
        targets[app] = node or (app, None)
    return list(targets.values())
