print("alpha start")
import beta
A_VALUE = "alpha value"
def from_beta():
    return "alpha sees " + beta.B_VALUE
print("alpha end")
