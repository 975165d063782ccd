# Set algebra laws checked on int sets (results shown sorted).
A, B, C = {1, 2, 3, 4}, {3, 4, 5, 6}, {1, 4, 6, 8}
U = A | B | C
laws = {
    "commutative |": A | B == B | A,
    "commutative &": A & B == B & A,
    "associative": (A | B) | C == A | (B | C) and (A & B) & C == A & (B & C),
    "distributive": A & (B | C) == (A & B) | (A & C) and A | (B & C) == (A | B) & (A | C),
    "de Morgan": U - (A | B) == (U - A) & (U - B) and U - (A & B) == (U - A) | (U - B),
    "symmetric difference": A ^ B == (A - B) | (B - A) == (A | B) - (A & B),
    "absorption": A | (A & B) == A and A & (A | B) == A,
    "identity": A | set() == A and A & U == A and A - set() == A,
    "self": A - A == set() and A ^ A == set() and A & A == A,
}
for name, ok in laws.items():
    print(f"{name:22} {ok}")
print("A^B^C:", sorted(A ^ B ^ C), "chained & :", sorted(A & B & C), "union all:", sorted(U))
print("subset chain:", set() <= A & B <= A <= U, A & B < A < U)
print("partition by predicate:", sorted(x for x in U if x % 2), sorted(U - {x for x in U if x % 2}))
print("powerset size:", len([s for s in range(1 << len(A))]))
print("cartesian via comprehension:", sorted({(a, b) for a in {1, 2} for b in {"x"}}))
