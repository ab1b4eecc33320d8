"""Imports go one way in the trainings: views → forms, services, selectors → models. The
models import none of the modules above them, neither at the top nor inside a function."""

import ast
from pathlib import Path

import campaigns

ABOVE_THE_MODELS = {
    "campaigns.forms",
    "campaigns.services",
    "campaigns.selectors",
    "campaigns.training_views",
    "campaigns.training_urls",
    "campaigns.views",
}
LAYERS_BELOW_THE_VIEWS = ("campaigns/forms.py", "campaigns/services.py", "campaigns/selectors.py")


def _imports(path: Path) -> list[tuple[int, str, bool]]:
    """(line, module imported, whether the import is inside a function) for each import."""
    tree = ast.parse(path.read_text())
    found = []

    def visit(node, in_function):
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if isinstance(child, ast.Import):
                found.extend((child.lineno, alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom) and child.module and child.level == 0:
                found.append((child.lineno, child.module, in_function))
                found.extend(
                    (child.lineno, f"{child.module}.{alias.name}", in_function)
                    for alias in child.names
                )
            visit(child, nested)

    visit(tree, False)
    return found


def test_the_training_models_import_nothing_above_them():
    root = Path(campaigns.__file__).parent
    wrong = [
        (line, module)
        for line, module, _inside in _imports(root / "models" / "trainings.py")
        if module in ABOVE_THE_MODELS
    ]
    assert wrong == []


def test_training_modules_import_nothing_inside_a_function():
    root = Path(campaigns.__file__).parent.parent
    paths = [
        "campaigns/models/trainings.py",
        "campaigns/training_views.py",
        "campaigns/training_urls.py",
        "campaigns/registration_links.py",
        *LAYERS_BELOW_THE_VIEWS,
    ]
    inside = [
        (path, line, module)
        for path in paths
        for line, module, in_function in _imports(root / path)
        if in_function
    ]
    assert inside == []


def test_forms_services_and_selectors_do_not_import_the_views():
    root = Path(campaigns.__file__).parent.parent
    upward = {"campaigns.training_views", "campaigns.training_urls", "campaigns.views"}
    wrong = [
        (path, line, module)
        for path in LAYERS_BELOW_THE_VIEWS
        for line, module, _inside in _imports(root / path)
        if module in upward
    ]
    assert wrong == []
