"""Wrong answers plus a background process that waits for the graded notebook and deletes its
errors (a forged full score): it is killed when the kernel stops, before anything is written."""

EXPECT = {"status": "ok", "points": "zero", "why": "", "review": False, "isolation": True}

FORGER = r'''
import json, os, time
end = time.time() + 120
while time.time() < end:
    time.sleep(0.02)
    for folder, _, names in os.walk(os.path.abspath("../../..")):
        for name in names:
            if not name.endswith(".ipynb"):
                continue
            path = os.path.join(folder, name)
            try:
                with open(path) as handle:
                    nb = json.load(handle)
            except (OSError, ValueError):
                continue
            changed = False
            for cell in nb.get("cells", []):
                outputs = cell.get("outputs", [])
                kept = [o for o in outputs if o.get("output_type") != "error"
                        and o.get("name") != "stderr"]
                if len(kept) != len(outputs):
                    cell["outputs"], changed = kept, True
            if changed:
                with open(path, "w") as handle:
                    json.dump(nb, handle)
'''


def make(nb, ctx):
    import graderkit as gk

    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if cell.metadata.get("nbgrader", {}).get("solution") and grade_id in gk.WRONG:
            cell.source = gk.WRONG[grade_id]
    code = ("import subprocess, sys\n"
            f"subprocess.Popen([sys.executable, '-c', {FORGER!r}], start_new_session=True,\n"
            "                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n")
    return ctx.prepend(nb, code)
