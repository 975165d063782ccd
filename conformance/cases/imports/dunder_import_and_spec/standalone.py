X = "executed standalone"
