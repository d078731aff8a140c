/* A UDP echo server for PublishedPortsIT: sends every datagram back to where it came from,
 * prefixed with "echo:", on the port given as the only argument. Built static at test time. */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: udp-echo PORT\n");
		return 2;
	}
	int s = socket(AF_INET, SOCK_DGRAM, 0);
	struct sockaddr_in at = {.sin_family = AF_INET, .sin_port = htons(atoi(argv[1])), .sin_addr.s_addr = htonl(INADDR_ANY)};
	if (s < 0 || bind(s, (struct sockaddr *)&at, sizeof at) != 0) {
		perror("udp-echo");
		return 1;
	}
	char in[2048], out[2100];
	for (;;) {
		struct sockaddr_in from;
		socklen_t len = sizeof from;
		ssize_t n = recvfrom(s, in, sizeof in, 0, (struct sockaddr *)&from, &len);
		if (n < 0)
			continue;
		memcpy(out, "echo:", 5);
		memcpy(out + 5, in, (size_t)n);
		sendto(s, out, (size_t)n + 5, 0, (struct sockaddr *)&from, len);
	}
}
