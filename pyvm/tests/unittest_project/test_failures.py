import unittest


class FailingTests(unittest.TestCase):
    def test_equal_lists(self):
        self.assertEqual([1, 2, 3], [1, 2, 4])

    def test_error(self):
        raise KeyError("missing")

    def test_subtest_failure(self):
        for i in range(4):
            with self.subTest(i=i):
                self.assertNotEqual(i, 2)

    def test_passes(self):
        self.assertTrue(True)

    @unittest.expectedFailure
    def test_unexpected_success(self):
        pass
