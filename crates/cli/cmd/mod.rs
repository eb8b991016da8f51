//! One module per subcommand.

pub mod eval;
pub mod eval_numbers;
pub mod eval_quotes;
pub mod extract;
