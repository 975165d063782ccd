import unittest

EVENTS = []


class ArithmeticTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        EVENTS.append("setUpClass")

    @classmethod
    def tearDownClass(cls):
        EVENTS.append("tearDownClass")

    def setUp(self):
        self.values = [3, 1, 2]

    def tearDown(self):
        self.values = None

    def test_sum(self):
        self.assertEqual(sum(self.values), 6)

    def test_sorted(self):
        self.assertEqual(sorted(self.values), [1, 2, 3])
        self.assertListEqual(sorted(self.values, reverse=True), [3, 2, 1])

    def test_almost_equal(self):
        self.assertAlmostEqual(0.1 + 0.2, 0.3)
        self.assertNotAlmostEqual(0.1, 0.2, places=3)

    def test_raises_context_manager(self):
        with self.assertRaises(ZeroDivisionError) as cm:
            1 / 0
        self.assertIn("division", str(cm.exception))
        with self.assertRaisesRegex(ValueError, "invalid literal"):
            int("x")

    def test_membership_and_truth(self):
        self.assertIn(2, self.values)
        self.assertNotIn(5, self.values)
        self.assertTrue(self.values)
        self.assertFalse([])
        self.assertIsNone(None)
        self.assertIsInstance(self.values, list)

    def test_subtests_pass(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 3)

    @unittest.skip("not ready")
    def test_skipped(self):
        self.fail("never runs")

    @unittest.expectedFailure
    def test_expected_failure(self):
        self.assertEqual(1, 2)

    def test_dict_and_set(self):
        self.assertDictEqual({"a": 1}, {"a": 1})
        self.assertSetEqual({1, 2}, {2, 1})
        self.assertCountEqual([1, 2, 2], [2, 1, 2])


class SkipInSetUp(unittest.TestCase):
    def setUp(self):
        self.skipTest("skipped in setUp")

    def test_never(self):
        pass


if __name__ == "__main__":
    unittest.main()
