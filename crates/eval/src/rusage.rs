//! Peak resident memory, from `getrusage(2)`.

/// `ru_maxrss` for `who` in KiB (Linux reports KiB), or `None` if the call fails.
fn max_rss_kib(who: libc::c_int) -> Option<u64> {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::zeroed();
    // SAFETY: `usage` points to writable memory of the right size and layout for the
    // call, which only writes into it; it is read only when the call reports success.
    let rc = unsafe { libc::getrusage(who, usage.as_mut_ptr()) };
    if rc != 0 {
        return None;
    }
    // SAFETY: getrusage returned 0, so it filled the struct (and it was zeroed anyway).
    let usage = unsafe { usage.assume_init() };
    u64::try_from(usage.ru_maxrss).ok().filter(|&k| k > 0)
}

/// Peak resident memory of this process so far, in KiB.
pub fn self_peak_rss_kib() -> Option<u64> {
    max_rss_kib(libc::RUSAGE_SELF)
}

/// Peak resident memory of the largest child process waited for so far, in KiB.
pub fn children_peak_rss_kib() -> Option<u64> {
    max_rss_kib(libc::RUSAGE_CHILDREN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_peak_grows_with_a_large_allocation() {
        let before = self_peak_rss_kib().unwrap_or(0);
        assert!(before > 0);
        // Touch 64 MiB so it becomes resident.
        let big = vec![1u8; 64 << 20];
        let sum: u64 = big.iter().step_by(4096).map(|&b| u64::from(b)).sum();
        assert!(sum > 0);
        let after = self_peak_rss_kib().unwrap_or(0);
        assert!(after >= before.max(64 << 10), "{before} -> {after}");
    }
}
