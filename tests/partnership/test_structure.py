"""The structure the project keeps (README, "The apps"): one home for each rule. Views read through selectors
and write through services, no view module imports another app's views, and no two modules of the project
import each other, so that importing one app does not load the rest."""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
# The project's own apps (the installed apps that live in this folder) and the project package itself.
APPS = [app for app in settings.INSTALLED_APPS if (ROOT / app).is_dir()] + ["partnership"]


def _modules() -> dict[str, Path]:
    found = {}
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
            found[name] = path
    return found


MODULES = _modules()


def _is_view_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return last == "views" or last.endswith("_views")


def _imports(path: Path) -> set[str]:
    """The project modules a module imports, at its top or inside a function."""
    imported = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            imported.add(node.module)
            imported |= {f"{node.module}.{alias.name}" for alias in node.names}
    return {name for name in imported if name in MODULES}


GRAPH = {name: _imports(path) - {name} for name, path in MODULES.items()}


def test_no_view_module_imports_another_apps_views():
    """The project's own shared view steps (partnership/) are meant for every app."""
    wrong = [
        f"{name} imports {target}"
        for name, targets in GRAPH.items()
        for target in targets
        if _is_view_module(target) and target.split(".")[0] not in (name.split(".")[0], "partnership")
    ]
    assert not wrong, wrong


def test_no_two_project_modules_import_each_other_even_through_others():
    """Tarjan's strongly connected components: any component of more than one module is an import cycle."""
    index, low, stack, on_stack, cycles = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in GRAPH[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == node:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for node in GRAPH:
        if node not in index:
            visit(node)
    assert not cycles, cycles


def _model_manager_calls(path: Path) -> list[str]:
    """`Something.objects...` in a module: a query that did not come from a selector."""
    return [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for node in ast.walk(ast.parse(path.read_text()))
        if isinstance(node, ast.Attribute) and node.attr in ("objects", "_default_manager")
    ]


def test_views_take_their_querysets_from_selectors():
    calls = [call for name, path in MODULES.items() if _is_view_module(name) for call in _model_manager_calls(path)]
    assert not calls, calls


def test_views_write_through_services():
    """A view never saves or deletes a model itself: `form.save()`, `obj.save()`, `.delete()`, `.create()`
    and `.update()` belong in a service, where the rules and the transaction are."""
    writes = []
    for name, path in MODULES.items():
        if not _is_view_module(name):
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            called = node.func.attr if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) else ""
            if called in ("save", "delete", "create", "update", "bulk_create", "get_or_create"):
                writes.append(f"{path.relative_to(ROOT)}:{node.lineno} .{called}()")
    assert not writes, writes
