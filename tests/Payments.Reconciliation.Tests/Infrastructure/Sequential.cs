// The scenarios start real servers and processes on two shared cores and time their effects: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
