/* purser-stage: see README.md beside this file. Being written. */
#include <stdio.h>
int main(void) { fputs("usage: purser-stage run|exec [OPTIONS] -- COMMAND [ARG...]\n", stderr); return 2; }
