/*
 * libm.c -- the math library: a few functions at known points, printed
 * with six decimals so the output is the same everywhere.
 */
#include <math.h>
#include <stdio.h>

int
main(void)
{
	volatile double x = 2.0; /* keep the compiler from folding it all */

	printf("sqrt(2)  = %.6f\n", sqrt(x));
	printf("exp(1)   = %.6f\n", exp(x / 2));
	printf("log(10)  = %.6f\n", log(x * 5));
	printf("sin(pi/6)= %.6f\n", sin(M_PI / 6 * (x / 2)));
	printf("atan2(1,1)*4 = %.6f\n", atan2(x / 2, x / 2) * 4);
	printf("pow(2,0.5) = %.6f\n", pow(x, 0.5));
	printf("fmod(7.5,2) = %.6f\n", fmod(7.5 * (x / 2), 2));
	printf("cbrt(27) = %.6f\n", cbrt(27 * (x / 2)));
	return fabs(sqrt(x) * sqrt(x) - 2) < 1e-12 ? 0 : 1;
}
