"""A file that is not JSON: graded as missing (0) with the reason; the batch goes on."""

EXPECT = {"status": "ok", "points": "zero", "why": "not a valid notebook", "review": False}


def make(nb, ctx):
    return b'{"cells": [ {"cell_type": "code", '
