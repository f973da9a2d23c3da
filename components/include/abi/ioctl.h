/*
 * abi/ioctl.h -- ioctl(2) request numbers of x86_64 Linux for files and
 * terminals, the request encoding macros, and the kernel's struct termios
 * (TCGETS/TCSETS) and struct winsize (TIOCGWINSZ/TIOCSWINSZ).
 */
#ifndef ABI_IOCTL_H
#define ABI_IOCTL_H

#include <kern/types.h>

/*
 * Request encoding of newer ioctls: direction (2 bits), argument size
 * (14 bits), type (8 bits), number (8 bits), from the top down.
 */
#define IOC_NONE        0U
#define IOC_WRITE       1U
#define IOC_READ        2U
#define IOC_NRSHIFT     0
#define IOC_TYPESHIFT   8
#define IOC_SIZESHIFT   16
#define IOC_DIRSHIFT    30

#define IOC(dir, type, nr, size) \
	(((dir) << IOC_DIRSHIFT) | ((type) << IOC_TYPESHIFT) | \
	 ((nr) << IOC_NRSHIFT) | ((size) << IOC_SIZESHIFT))
#define IO(type, nr)            IOC(IOC_NONE, (type), (nr), 0)
#define IOR(type, nr, t)        IOC(IOC_READ, (type), (nr), sizeof(t))
#define IOW(type, nr, t)        IOC(IOC_WRITE, (type), (nr), sizeof(t))
#define IOWR(type, nr, t)       IOC(IOC_READ | IOC_WRITE, (type), (nr), sizeof(t))

/* Terminal requests (the old 'T' numbering, no encoding). */
#define TCGETS          0x5401
#define TCSETS          0x5402
#define TCSETSW         0x5403
#define TCSETSF         0x5404
#define TCGETA          0x5405
#define TCSETA          0x5406
#define TCSETAW         0x5407
#define TCSETAF         0x5408
#define TCSBRK          0x5409
#define TCXONC          0x540A
#define TCFLSH          0x540B
#define TIOCEXCL        0x540C
#define TIOCNXCL        0x540D
#define TIOCSCTTY       0x540E
#define TIOCGPGRP       0x540F
#define TIOCSPGRP       0x5410
#define TIOCOUTQ        0x5411
#define TIOCSTI         0x5412
#define TIOCGWINSZ      0x5413
#define TIOCSWINSZ      0x5414
#define TIOCMGET        0x5415
#define TIOCMBIS        0x5416
#define TIOCMBIC        0x5417
#define TIOCMSET        0x5418
#define TIOCGSOFTCAR    0x5419
#define TIOCSSOFTCAR    0x541A
#define FIONREAD        0x541B
#define TIOCINQ         FIONREAD
#define TIOCLINUX       0x541C
#define TIOCCONS        0x541D
#define TIOCPKT         0x5420
#define FIONBIO         0x5421
#define TIOCNOTTY       0x5422
#define TIOCSETD        0x5423
#define TIOCGETD        0x5424
#define TCSBRKP         0x5425
#define TIOCSBRK        0x5427
#define TIOCCBRK        0x5428
#define TIOCGSID        0x5429
#define TIOCGPTN        IOR('T', 0x30, uint32_t)
#define TIOCSPTLCK      IOW('T', 0x31, int32_t)
#define TIOCVHANGUP     0x5437
#define FIONCLEX        0x5450
#define FIOCLEX         0x5451
#define FIOASYNC        0x5452
#define FIOQSIZE        0x5460

/* The kernel's struct termios (not libc's, which adds speeds). */
typedef uint8_t cc_t;
typedef uint32_t speed_t;
typedef uint32_t tcflag_t;

#define NCCS            19

struct termios {
	tcflag_t c_iflag;
	tcflag_t c_oflag;
	tcflag_t c_cflag;
	tcflag_t c_lflag;
	cc_t c_line;
	cc_t c_cc[NCCS];
};

struct winsize {
	uint16_t ws_row;
	uint16_t ws_col;
	uint16_t ws_xpixel;
	uint16_t ws_ypixel;
};

/* c_cc indices. */
#define VINTR           0
#define VQUIT           1
#define VERASE          2
#define VKILL           3
#define VEOF            4
#define VTIME           5
#define VMIN            6
#define VSWTC           7
#define VSTART          8
#define VSTOP           9
#define VSUSP           10
#define VEOL            11
#define VREPRINT        12
#define VDISCARD        13
#define VWERASE         14
#define VLNEXT          15
#define VEOL2           16

/* c_iflag. */
#define IGNBRK          0x0001
#define BRKINT          0x0002
#define IGNPAR          0x0004
#define PARMRK          0x0008
#define INPCK           0x0010
#define ISTRIP          0x0020
#define INLCR           0x0040
#define IGNCR           0x0080
#define ICRNL           0x0100
#define IUCLC           0x0200
#define IXON            0x0400
#define IXANY           0x0800
#define IXOFF           0x1000
#define IMAXBEL         0x2000
#define IUTF8           0x4000

/* c_oflag. */
#define OPOST           0x0001
#define OLCUC           0x0002
#define ONLCR           0x0004
#define OCRNL           0x0008
#define ONOCR           0x0010
#define ONLRET          0x0020
#define OFILL           0x0040
#define OFDEL           0x0080

/* c_cflag. */
#define CBAUD           0x0000100f
#define B0              0x00000000
#define B9600           0x0000000d
#define B19200          0x0000000e
#define B38400          0x0000000f
#define B57600          0x00001001
#define B115200         0x00001002
#define CSIZE           0x00000030
#define CS5             0x00000000
#define CS6             0x00000010
#define CS7             0x00000020
#define CS8             0x00000030
#define CSTOPB          0x00000040
#define CREAD           0x00000080
#define PARENB          0x00000100
#define PARODD          0x00000200
#define HUPCL           0x00000400
#define CLOCAL          0x00000800
#define CRTSCTS         0x80000000

/* c_lflag. */
#define ISIG            0x00001
#define ICANON          0x00002
#define XCASE           0x00004
#define ECHO            0x00008
#define ECHOE           0x00010
#define ECHOK           0x00020
#define ECHONL          0x00040
#define NOFLSH          0x00080
#define TOSTOP          0x00100
#define ECHOCTL         0x00200
#define ECHOPRT         0x00400
#define ECHOKE          0x00800
#define FLUSHO          0x01000
#define PENDIN          0x04000
#define IEXTEN          0x08000
#define EXTPROC         0x10000

/* TCFLSH queue selectors and TCXONC actions. */
#define TCIFLUSH        0
#define TCOFLUSH        1
#define TCIOFLUSH       2
#define TCOOFF          0
#define TCOON           1
#define TCIOFF          2
#define TCION           3

#endif /* ABI_IOCTL_H */
