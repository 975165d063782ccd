print("beta start")
import alpha
print("beta sees alpha partially initialised:", hasattr(alpha, "A_VALUE"))
B_VALUE = "beta value"
def from_alpha():
    return "beta sees " + alpha.A_VALUE
print("beta end")
