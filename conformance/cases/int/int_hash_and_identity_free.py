# Hash of ints is defined by modular reduction (sys.hash_info); equal numbers hash equal.
import sys
M = sys.hash_info.modulus
print("modulus is 2**61-1 on 64-bit:", M == 2**61 - 1, sys.hash_info.width)
print("hash(M), hash(M+1):", hash(M), hash(M + 1))
print("hash(-M):", hash(-M), hash(-(M + 5)))
print("hash(2**61):", hash(2**61))
print("hash big == reduced:", hash(10**30) == 10**30 % M)
print("negative reduced:", hash(-10**30) == -(10**30 % M))
print("hash(-1):", hash(-1), "hash(-2):", hash(-2), "hash(0):", hash(0))
print("hash(True):", hash(True), "hash(False):", hash(False))
print("float agree:", hash(2.0**70) == hash(2**70), hash(-0.0) == hash(0), hash(1.5) == hash(3 / 2))
print("dict keys 1, 1.0, True collapse:", {1: "a", 1.0: "b", True: "c"})
print("set of numbers:", len({0, 0.0, False, -0.0}), sorted({2**64, 2.0**64, 18446744073709551616}))
print("inf/nan hash:", hash(float("inf")), hash(float("-inf")), sys.hash_info.inf)
