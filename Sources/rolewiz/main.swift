print("rolewiz")
