# A syntax error in the main script: nothing runs, exit status 1, message last on stderr.
print("this line never runs")
x = (1, 2
y = 3
