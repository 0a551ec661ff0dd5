"""A solution cell that allocates far more memory than allowed: MemoryError, batch goes on."""

EXPECT = {"status": "ok", "points": "partial", "why": "ran out of memory", "review": False}
CODE = "hog = [bytearray(10**8) for _ in range(10**4)]\n"
