#define BOOST_TEST_MODULE test_alloc
#include <boost/test/unit_test.hpp>
#include <mamisguide/mamisguide.hpp>
BOOST_AUTO_TEST_CASE(placeholder) { BOOST_TEST(true); }
