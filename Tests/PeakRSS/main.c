// peak-rss REPORT PROGRAM [ARGUMENT...]
//
// Runs PROGRAM as its own child and, when it ends, writes the child's peak resident set in KiB
// (wait4's ru_maxrss) to the file REPORT; then ends the way the child ended (same exit code, or
// the same signal). The tests start zorgledger through it because their own process is large:
// a child that the test process spawns directly inherits the test's peak in ru_maxrss (glibc's
// posix_spawn execs from the parent's address space), while a child of this small program starts
// from this program's few hundred KiB. SIGTERM to this program kills the child with SIGKILL and
// still reaps it first, so a test that "kills" a run knows the run is gone when this one is. The
// caller starts this program with SIGTERM blocked, so a SIGTERM sent before the handler is in
// place waits instead of being lost.
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t child = 0;

static void killChild(int signal) {
    (void)signal;
    if (child > 0) kill((pid_t)child, SIGKILL);
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: peak-rss REPORT PROGRAM [ARGUMENT...]\n");
        return 2;
    }
    sigset_t term;
    sigemptyset(&term);
    sigaddset(&term, SIGTERM);
    sigprocmask(SIG_BLOCK, &term, NULL);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = killChild;
    sigaction(SIGTERM, &action, NULL);

    pid_t pid = fork();
    if (pid < 0) {
        perror("peak-rss: fork");
        return 127;
    }
    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);
        sigprocmask(SIG_UNBLOCK, &term, NULL);
        execv(argv[2], argv + 2);
        fprintf(stderr, "peak-rss: cannot run %s: %s\n", argv[2], strerror(errno));
        _exit(127);
    }
    child = pid;
    sigprocmask(SIG_UNBLOCK, &term, NULL);

    int status = 0;
    struct rusage usage;
    while (wait4(pid, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            perror("peak-rss: wait4");
            return 127;
        }
    }
    FILE *report = fopen(argv[1], "w");
    if (report == NULL || fprintf(report, "%ld\n", usage.ru_maxrss) < 0 || fclose(report) != 0) {
        perror("peak-rss: report");
        return 127;
    }
    if (WIFSIGNALED(status)) {
        signal(WTERMSIG(status), SIG_DFL);
        raise(WTERMSIG(status));
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 127;
}
