/* foo.c -- the library of the libtool test project. */
int foo(int);

int foo(int x)
{
	return x + 1;
}
