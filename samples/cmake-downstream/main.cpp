// main.cpp: the same program with shelf.pgc preprocessed as C++.
#include <cstdio>

#include "shelf.h"

int main()
{
    std::puts("(C++)");
    return shelf_run();
}
