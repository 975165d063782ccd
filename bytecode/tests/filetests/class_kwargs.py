class K(*bases, **options):
    __slots__ = ('a',)
    def __init__(self):
        self.__a = 1
from mod import *
