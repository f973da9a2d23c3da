/*
 * abi/random.h -- getrandom(2) flags.
 */
#ifndef ABI_RANDOM_H
#define ABI_RANDOM_H

#define GRND_NONBLOCK   0x0001
#define GRND_RANDOM     0x0002
#define GRND_INSECURE   0x0004

#endif /* ABI_RANDOM_H */
