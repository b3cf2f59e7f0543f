# Decodes Hồ Ngọc Đức's precomputed TK21 table (amlich-hnd.js, years 2000-2099) into lunar month starts.
# Provenance helper for vn-lunar-months-2000-2050.csv; not run by the build or the tests.
# Usage: python3 tk21_decode.py 2000 2050 >> vn-lunar-months-2000-2050.csv (after the comment header)
# Output: lunar_year,month,is_leap,first_day,days
import datetime, sys
TK21 = [
 0x46c960, 0x2ed954, 0x54d4a0, 0x3eda50, 0x2a7552, 0x4e56a0, 0x38a7a7, 0x5ea5d0, 0x4a92b0, 0x32aab5,
 0x58a950, 0x42b4a0, 0x2cbaa4, 0x50ad50, 0x3c55d9, 0x624ba0, 0x4ca5b0, 0x375176, 0x5c5270, 0x466930,
 0x307934, 0x546aa0, 0x3ead50, 0x2a5b52, 0x504b60, 0x38a6e6, 0x5ea4e0, 0x48d260, 0x32ea65, 0x56d520,
 0x40daa0, 0x2d56a3, 0x5256d0, 0x3c4afb, 0x6249d0, 0x4ca4d0, 0x37d0b6, 0x5ab250, 0x44b520, 0x2edd25,
 0x54b5a0, 0x3e55d0, 0x2a55b2, 0x5049b0, 0x3aa577, 0x5ea4b0, 0x48aa50, 0x33b255, 0x586d20, 0x40ad60,
 0x2d4b63, 0x525370, 0x3e49e8, 0x60c970, 0x4c54b0, 0x3768a6, 0x5ada50, 0x445aa0, 0x2fa6a4, 0x54aad0,
 0x4052e0, 0x28d2e3, 0x4ec950, 0x38d557, 0x5ed4a0, 0x46d950, 0x325d55, 0x5856a0, 0x42a6d0, 0x2c55d4,
 0x5252b0, 0x3ca9b8, 0x62a930, 0x4ab490, 0x34b6a6, 0x5aad50, 0x4655a0, 0x2eab64, 0x54a570, 0x4052b0,
 0x2ab173, 0x4e6930, 0x386b37, 0x5e6aa0, 0x48ad50, 0x332ad5, 0x582b60, 0x42a570, 0x2e52e4, 0x50d160,
 0x3ae958, 0x60d520, 0x4ada90, 0x355aa6, 0x5a56d0, 0x462ae0, 0x30a9d4, 0x54a2d0, 0x3ed150, 0x28e952,
]
first, last = int(sys.argv[1]), int(sys.argv[2])
for yy in range(first, last + 1):
    k = TK21[yy - 2000]
    lengths = (29, 30)
    offset_of_tet = k >> 17
    leap_month = k & 0xF
    leap_len = lengths[(k >> 16) & 1]
    regular = [0] * 12
    j = k >> 4
    for i in range(12):
        regular[11 - i] = lengths[j & 1]
        j >>= 1
    day = datetime.date(yy, 1, 1) + datetime.timedelta(days=offset_of_tet)
    for mm in range(1, 13):
        print(f"{yy},{mm},0,{day.isoformat()},{regular[mm-1]}")
        day += datetime.timedelta(days=regular[mm - 1])
        if mm == leap_month:
            print(f"{yy},{mm},1,{day.isoformat()},{leap_len}")
            day += datetime.timedelta(days=leap_len)
