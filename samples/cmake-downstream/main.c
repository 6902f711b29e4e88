/* main.c: a plain C file next to the embedded-SQL one. */
#include "shelf.h"

int main(void)
{
    return shelf_run();
}
