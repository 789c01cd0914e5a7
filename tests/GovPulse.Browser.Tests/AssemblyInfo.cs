// One node and one chromium at a time: the live test's 2-second bound should measure the page,
// not two nodes competing for this machine's two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
