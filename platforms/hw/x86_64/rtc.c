/*
 * rtc.c -- wall time at boot from the CMOS real-time clock (MC146818):
 * read once, between updates, and turned into seconds since the epoch.
 * Its one-second resolution is fine: the TSC counts from there.
 */
#include "hw/arch.h"
#include "hw/lib.h"
#include "x86.h"

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define NMI_DISABLE 0x80

#define RTC_SEC 0x00
#define RTC_MIN 0x02
#define RTC_HOUR 0x04
#define RTC_DAY 0x07
#define RTC_MON 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_CENTURY 0x32 /* the ACPI FADT's usual century register */

#define STATUS_A_UIP 0x80
#define STATUS_B_24H 0x02
#define STATUS_B_BINARY 0x04

static int64_t wall_base_ns; /* wall time at monotonic 0 */

static uint8_t cmos(uint8_t reg)
{
	outb(CMOS_INDEX, NMI_DISABLE | reg);
	return inb(CMOS_DATA);
}

struct rtc_time {
	uint8_t sec, min, hour, day, mon, year, century;
};

static void rtc_snapshot(struct rtc_time *t)
{
	for (int i = 0; i < 1000000 && (cmos(RTC_STATUS_A) & STATUS_A_UIP); i++)
		;
	t->sec = cmos(RTC_SEC);
	t->min = cmos(RTC_MIN);
	t->hour = cmos(RTC_HOUR);
	t->day = cmos(RTC_DAY);
	t->mon = cmos(RTC_MON);
	t->year = cmos(RTC_YEAR);
	t->century = cmos(RTC_CENTURY);
}

static unsigned bcd(uint8_t v)
{
	return (v >> 4) * 10 + (v & 0xf);
}

/* Days since 1970-01-01 of a proleptic Gregorian date. */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int64_t rtc_read(void)
{
	struct rtc_time a, b;
	uint8_t status_b = cmos(RTC_STATUS_B);
	bool pm;
	unsigned sec, min, hour, day, mon, year;

	if (status_b == 0xff)
		return 0; /* no RTC */
	/* Read until two snapshots agree: no update happened in between. */
	rtc_snapshot(&b);
	for (int i = 0; i < 10; i++) {
		a = b;
		rtc_snapshot(&b);
		if (rumphw_memcmp(&a, &b, sizeof(a)) == 0)
			break;
	}
	pm = !(status_b & STATUS_B_24H) && (b.hour & 0x80);
	b.hour &= 0x7f;
	if (status_b & STATUS_B_BINARY) {
		sec = b.sec, min = b.min, hour = b.hour, day = b.day;
		mon = b.mon, year = b.year + 100 * b.century;
	} else {
		sec = bcd(b.sec), min = bcd(b.min), hour = bcd(b.hour);
		day = bcd(b.day), mon = bcd(b.mon);
		year = bcd(b.year) + 100 * bcd(b.century);
	}
	if (pm)
		hour = (hour % 12) + 12;
	else if (!(status_b & STATUS_B_24H) && hour == 12)
		hour = 0;
	if (year < 1970)
		year += 100 * ((1970 - year + 99) / 100); /* no century register */
	if (mon < 1 || mon > 12 || day < 1 || day > 31 || hour > 23 ||
	    min > 59 || sec > 60)
		return 0;
	return days_from_civil(year, mon, day) * 86400 + hour * 3600 +
	    min * 60 + sec;
}

void rumphw_rtc_init(void)
{
	int64_t sec = rtc_read();

	wall_base_ns = sec * 1000000000LL - (int64_t)rumphw_md_nsec();
}

int64_t rumphw_md_wall_base(void)
{
	return wall_base_ns;
}
