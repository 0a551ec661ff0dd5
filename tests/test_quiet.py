"""A notebook that starts with ``import cnnlab`` writes nothing to stderr (nbgrader scores any
stderr in a test cell as 0); without it, importing Keras does (the control that proves the check
can fail)."""

from __future__ import annotations

import os

import pytest

from cnnlab._quiet import drop_notices

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

TRAIN_CELLS = [
    "import numpy as np\n"
    "x = np.random.default_rng(0).random((64, 8, 8, 3)).astype('float32')\n"
    "y = np.arange(64) % 3",
    "model = keras.Sequential([keras.Input((8, 8, 3)), keras.layers.Conv2D(4, 3),\n"
    "                          keras.layers.Flatten(), keras.layers.Dense(3)])\n"
    "model.compile('adam', keras.losses.SparseCategoricalCrossentropy(from_logits=True))\n"
    "model.fit(x, y, epochs=1, batch_size=32, verbose=0)\n"
    "model.predict(x, verbose=0).shape",
    # cnnlab.train under autograde: silent on both streams.
    "import os\n"
    "os.environ['NBGRADER_EXECUTION'] = 'autograde'\n"
    "from cnnlab import train\n"
    "history = train.fit(model, x, y, budget=train.budget(1, grading_images=64))",
]


def run_notebook(cells: list[str], **env_extra: str) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    # A clean kernel environment: nothing set by this process's `import cnnlab`, and no
    # PYTEST_CURRENT_TEST, which turns off ipykernel's capture of file descriptor 2 (the one
    # TensorFlow's C++ logging writes to, shown in the notebook as stderr).
    dropped = ("TF_CPP_MIN_LOG_LEVEL", "NBGRADER_EXECUTION", "PYTEST_CURRENT_TEST",
               "TF_ENABLE_ONEDNN_OPTS", "CNNLAB_ONEDNN")
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(env_extra)
    client = nbclient.NotebookClient(notebook, timeout=120, kernel_name="python3")
    client.execute(env=env)
    return notebook


def stderr_of(cell: nbformat.NotebookNode) -> str:
    return "".join(output.get("text", "") for output in cell.outputs
                   if output.output_type == "stream" and output.name == "stderr")


# oneDNN on and off print different notices: both settings, forced, on every CPU kind.
@pytest.mark.parametrize("onednn", ["0", "1"])
def test_no_cell_writes_to_stderr_after_import_cnnlab(onednn):
    notebook = run_notebook(["import cnnlab", "import keras", *TRAIN_CELLS], CNNLAB_ONEDNN=onednn)
    for index, cell in enumerate(notebook.cells):
        assert stderr_of(cell) == "", f"cell {index} wrote to stderr: {stderr_of(cell)!r}"
        assert all(output.output_type != "error" for output in cell.outputs)
    assert notebook.cells[-1].outputs == []  # silent under grading: no stdout either


@pytest.mark.parametrize("onednn", ["0", "1"])
def test_control_keras_import_alone_writes_notices_that_the_filter_drops(onednn):
    notebook = run_notebook(["import keras"], TF_ENABLE_ONEDNN_OPTS=onednn)
    noise = stderr_of(notebook.cells[0])
    assert noise.strip(), "a bare `import keras` wrote nothing to stderr: the control is void"
    assert drop_notices(noise) == ""


WARNING_CELLS = [
    "import numpy as np, warnings\n"
    "def correct_but_noisy(x):\n"
    "    warnings.warn('a deprecated spelling', DeprecationWarning, stacklevel=2)\n"
    "    return np.log(np.asarray(x, float))  # log(0): RuntimeWarning, -inf is the answer\n",
    "assert correct_but_noisy([0.0, 1.0])[1] == 0.0",
]


def test_warnings_of_correct_code_stay_off_stderr_under_grading():
    notebook = run_notebook(["import cnnlab", *WARNING_CELLS], NBGRADER_EXECUTION="autograde")
    test_cell = notebook.cells[-1]
    assert stderr_of(test_cell) == ""
    shown = "".join(o.get("text", "") for o in test_cell.outputs if o.output_type == "stream")
    assert "DeprecationWarning" in shown and "RuntimeWarning" in shown  # on stdout instead


def test_warnings_reach_stderr_for_a_student_and_errors_always_do():
    notebook = run_notebook(["import cnnlab", *WARNING_CELLS])
    assert "RuntimeWarning" in stderr_of(notebook.cells[-1])  # the control: they do warn
    graded = run_notebook(["import cnnlab", "import sys; print('boom', file=sys.stderr)"],
                          NBGRADER_EXECUTION="autograde")
    assert "boom" in stderr_of(graded.cells[-1])
