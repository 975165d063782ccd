class C(Base, metaclass=Meta):
    """Doc."""
    attr: int = 1
    def method(self):
        return super().method(self.__secret)
