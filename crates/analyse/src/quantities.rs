//! Number expressions in text: cardinals, ordinals, percentages, money, durations, ages,
//! dimensions, temperatures and ranges, in several languages.
