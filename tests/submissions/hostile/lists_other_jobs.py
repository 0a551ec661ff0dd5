"""Lists the shared temporary folder, where every job's folder sits (another job's result.json
could be rewritten there): inside the sandbox it holds this job's folder only."""

EXPECT = {"status": "ok", "points": "full", "why": "outside the submission", "review": True,
          "isolation": True}


def make(nb, ctx):
    code = ("import json, os\n"
            f"print('shared tmp:', json.dumps(sorted(os.listdir({ctx.shared_tmp!r}))))\n")
    return ctx.prepend(nb, code)
