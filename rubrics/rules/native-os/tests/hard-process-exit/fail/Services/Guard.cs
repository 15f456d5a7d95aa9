class Guard {
    // ruleid: hard-process-exit
    public void Stop() => Environment.Exit(2);
}
