print("sub_a runs")
