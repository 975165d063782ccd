print("sub_b runs")
