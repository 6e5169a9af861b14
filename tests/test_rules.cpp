#define BOOST_TEST_MODULE test_rules
#include <boost/test/unit_test.hpp>
#include <mamisguide/mamisguide.hpp>
BOOST_AUTO_TEST_CASE(placeholder) { BOOST_TEST(true); }
