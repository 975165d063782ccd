//! Binary-trees benchmark (being written).
fn main() {}
