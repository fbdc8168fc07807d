// Command service (C): one dispatcher with a case per command, 1,000 of them. Each case
// impersonates the pipe client and runs its command; the common code after the switch
// audits the result and reverts once.
// Two commands (417 and 902) check the request size after the begin and
// return without the revert. Past the state bound the states after the switch differ
// only in which begin is in force: they merge, the analysis stays bounded, and each
// leaking begin keeps its own warning. BUGGY.
#include <windows.h>

DWORD RunCommand(DWORD code, const BYTE *body, DWORD size); /* commands.c */
void AuditCommand(DWORD code, DWORD err);

DWORD DispatchCommand(HANDLE pipe, DWORD code, const BYTE *body, DWORD size)
{
    DWORD err;
    switch (code) {
    case 0:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(0, body, size);
        break;
    case 1:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(1, body, size);
        break;
    case 2:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(2, body, size);
        break;
    case 3:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(3, body, size);
        break;
    case 4:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(4, body, size);
        break;
    case 5:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(5, body, size);
        break;
    case 6:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(6, body, size);
        break;
    case 7:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(7, body, size);
        break;
    case 8:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(8, body, size);
        break;
    case 9:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(9, body, size);
        break;
    case 10:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(10, body, size);
        break;
    case 11:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(11, body, size);
        break;
    case 12:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(12, body, size);
        break;
    case 13:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(13, body, size);
        break;
    case 14:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(14, body, size);
        break;
    case 15:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(15, body, size);
        break;
    case 16:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(16, body, size);
        break;
    case 17:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(17, body, size);
        break;
    case 18:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(18, body, size);
        break;
    case 19:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(19, body, size);
        break;
    case 20:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(20, body, size);
        break;
    case 21:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(21, body, size);
        break;
    case 22:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(22, body, size);
        break;
    case 23:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(23, body, size);
        break;
    case 24:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(24, body, size);
        break;
    case 25:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(25, body, size);
        break;
    case 26:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(26, body, size);
        break;
    case 27:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(27, body, size);
        break;
    case 28:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(28, body, size);
        break;
    case 29:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(29, body, size);
        break;
    case 30:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(30, body, size);
        break;
    case 31:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(31, body, size);
        break;
    case 32:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(32, body, size);
        break;
    case 33:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(33, body, size);
        break;
    case 34:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(34, body, size);
        break;
    case 35:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(35, body, size);
        break;
    case 36:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(36, body, size);
        break;
    case 37:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(37, body, size);
        break;
    case 38:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(38, body, size);
        break;
    case 39:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(39, body, size);
        break;
    case 40:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(40, body, size);
        break;
    case 41:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(41, body, size);
        break;
    case 42:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(42, body, size);
        break;
    case 43:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(43, body, size);
        break;
    case 44:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(44, body, size);
        break;
    case 45:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(45, body, size);
        break;
    case 46:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(46, body, size);
        break;
    case 47:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(47, body, size);
        break;
    case 48:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(48, body, size);
        break;
    case 49:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(49, body, size);
        break;
    case 50:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(50, body, size);
        break;
    case 51:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(51, body, size);
        break;
    case 52:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(52, body, size);
        break;
    case 53:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(53, body, size);
        break;
    case 54:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(54, body, size);
        break;
    case 55:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(55, body, size);
        break;
    case 56:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(56, body, size);
        break;
    case 57:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(57, body, size);
        break;
    case 58:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(58, body, size);
        break;
    case 59:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(59, body, size);
        break;
    case 60:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(60, body, size);
        break;
    case 61:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(61, body, size);
        break;
    case 62:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(62, body, size);
        break;
    case 63:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(63, body, size);
        break;
    case 64:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(64, body, size);
        break;
    case 65:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(65, body, size);
        break;
    case 66:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(66, body, size);
        break;
    case 67:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(67, body, size);
        break;
    case 68:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(68, body, size);
        break;
    case 69:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(69, body, size);
        break;
    case 70:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(70, body, size);
        break;
    case 71:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(71, body, size);
        break;
    case 72:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(72, body, size);
        break;
    case 73:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(73, body, size);
        break;
    case 74:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(74, body, size);
        break;
    case 75:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(75, body, size);
        break;
    case 76:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(76, body, size);
        break;
    case 77:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(77, body, size);
        break;
    case 78:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(78, body, size);
        break;
    case 79:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(79, body, size);
        break;
    case 80:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(80, body, size);
        break;
    case 81:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(81, body, size);
        break;
    case 82:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(82, body, size);
        break;
    case 83:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(83, body, size);
        break;
    case 84:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(84, body, size);
        break;
    case 85:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(85, body, size);
        break;
    case 86:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(86, body, size);
        break;
    case 87:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(87, body, size);
        break;
    case 88:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(88, body, size);
        break;
    case 89:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(89, body, size);
        break;
    case 90:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(90, body, size);
        break;
    case 91:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(91, body, size);
        break;
    case 92:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(92, body, size);
        break;
    case 93:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(93, body, size);
        break;
    case 94:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(94, body, size);
        break;
    case 95:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(95, body, size);
        break;
    case 96:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(96, body, size);
        break;
    case 97:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(97, body, size);
        break;
    case 98:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(98, body, size);
        break;
    case 99:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(99, body, size);
        break;
    case 100:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(100, body, size);
        break;
    case 101:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(101, body, size);
        break;
    case 102:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(102, body, size);
        break;
    case 103:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(103, body, size);
        break;
    case 104:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(104, body, size);
        break;
    case 105:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(105, body, size);
        break;
    case 106:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(106, body, size);
        break;
    case 107:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(107, body, size);
        break;
    case 108:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(108, body, size);
        break;
    case 109:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(109, body, size);
        break;
    case 110:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(110, body, size);
        break;
    case 111:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(111, body, size);
        break;
    case 112:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(112, body, size);
        break;
    case 113:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(113, body, size);
        break;
    case 114:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(114, body, size);
        break;
    case 115:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(115, body, size);
        break;
    case 116:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(116, body, size);
        break;
    case 117:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(117, body, size);
        break;
    case 118:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(118, body, size);
        break;
    case 119:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(119, body, size);
        break;
    case 120:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(120, body, size);
        break;
    case 121:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(121, body, size);
        break;
    case 122:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(122, body, size);
        break;
    case 123:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(123, body, size);
        break;
    case 124:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(124, body, size);
        break;
    case 125:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(125, body, size);
        break;
    case 126:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(126, body, size);
        break;
    case 127:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(127, body, size);
        break;
    case 128:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(128, body, size);
        break;
    case 129:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(129, body, size);
        break;
    case 130:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(130, body, size);
        break;
    case 131:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(131, body, size);
        break;
    case 132:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(132, body, size);
        break;
    case 133:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(133, body, size);
        break;
    case 134:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(134, body, size);
        break;
    case 135:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(135, body, size);
        break;
    case 136:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(136, body, size);
        break;
    case 137:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(137, body, size);
        break;
    case 138:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(138, body, size);
        break;
    case 139:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(139, body, size);
        break;
    case 140:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(140, body, size);
        break;
    case 141:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(141, body, size);
        break;
    case 142:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(142, body, size);
        break;
    case 143:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(143, body, size);
        break;
    case 144:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(144, body, size);
        break;
    case 145:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(145, body, size);
        break;
    case 146:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(146, body, size);
        break;
    case 147:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(147, body, size);
        break;
    case 148:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(148, body, size);
        break;
    case 149:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(149, body, size);
        break;
    case 150:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(150, body, size);
        break;
    case 151:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(151, body, size);
        break;
    case 152:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(152, body, size);
        break;
    case 153:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(153, body, size);
        break;
    case 154:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(154, body, size);
        break;
    case 155:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(155, body, size);
        break;
    case 156:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(156, body, size);
        break;
    case 157:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(157, body, size);
        break;
    case 158:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(158, body, size);
        break;
    case 159:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(159, body, size);
        break;
    case 160:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(160, body, size);
        break;
    case 161:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(161, body, size);
        break;
    case 162:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(162, body, size);
        break;
    case 163:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(163, body, size);
        break;
    case 164:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(164, body, size);
        break;
    case 165:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(165, body, size);
        break;
    case 166:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(166, body, size);
        break;
    case 167:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(167, body, size);
        break;
    case 168:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(168, body, size);
        break;
    case 169:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(169, body, size);
        break;
    case 170:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(170, body, size);
        break;
    case 171:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(171, body, size);
        break;
    case 172:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(172, body, size);
        break;
    case 173:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(173, body, size);
        break;
    case 174:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(174, body, size);
        break;
    case 175:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(175, body, size);
        break;
    case 176:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(176, body, size);
        break;
    case 177:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(177, body, size);
        break;
    case 178:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(178, body, size);
        break;
    case 179:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(179, body, size);
        break;
    case 180:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(180, body, size);
        break;
    case 181:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(181, body, size);
        break;
    case 182:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(182, body, size);
        break;
    case 183:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(183, body, size);
        break;
    case 184:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(184, body, size);
        break;
    case 185:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(185, body, size);
        break;
    case 186:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(186, body, size);
        break;
    case 187:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(187, body, size);
        break;
    case 188:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(188, body, size);
        break;
    case 189:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(189, body, size);
        break;
    case 190:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(190, body, size);
        break;
    case 191:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(191, body, size);
        break;
    case 192:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(192, body, size);
        break;
    case 193:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(193, body, size);
        break;
    case 194:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(194, body, size);
        break;
    case 195:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(195, body, size);
        break;
    case 196:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(196, body, size);
        break;
    case 197:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(197, body, size);
        break;
    case 198:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(198, body, size);
        break;
    case 199:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(199, body, size);
        break;
    case 200:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(200, body, size);
        break;
    case 201:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(201, body, size);
        break;
    case 202:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(202, body, size);
        break;
    case 203:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(203, body, size);
        break;
    case 204:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(204, body, size);
        break;
    case 205:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(205, body, size);
        break;
    case 206:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(206, body, size);
        break;
    case 207:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(207, body, size);
        break;
    case 208:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(208, body, size);
        break;
    case 209:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(209, body, size);
        break;
    case 210:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(210, body, size);
        break;
    case 211:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(211, body, size);
        break;
    case 212:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(212, body, size);
        break;
    case 213:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(213, body, size);
        break;
    case 214:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(214, body, size);
        break;
    case 215:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(215, body, size);
        break;
    case 216:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(216, body, size);
        break;
    case 217:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(217, body, size);
        break;
    case 218:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(218, body, size);
        break;
    case 219:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(219, body, size);
        break;
    case 220:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(220, body, size);
        break;
    case 221:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(221, body, size);
        break;
    case 222:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(222, body, size);
        break;
    case 223:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(223, body, size);
        break;
    case 224:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(224, body, size);
        break;
    case 225:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(225, body, size);
        break;
    case 226:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(226, body, size);
        break;
    case 227:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(227, body, size);
        break;
    case 228:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(228, body, size);
        break;
    case 229:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(229, body, size);
        break;
    case 230:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(230, body, size);
        break;
    case 231:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(231, body, size);
        break;
    case 232:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(232, body, size);
        break;
    case 233:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(233, body, size);
        break;
    case 234:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(234, body, size);
        break;
    case 235:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(235, body, size);
        break;
    case 236:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(236, body, size);
        break;
    case 237:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(237, body, size);
        break;
    case 238:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(238, body, size);
        break;
    case 239:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(239, body, size);
        break;
    case 240:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(240, body, size);
        break;
    case 241:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(241, body, size);
        break;
    case 242:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(242, body, size);
        break;
    case 243:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(243, body, size);
        break;
    case 244:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(244, body, size);
        break;
    case 245:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(245, body, size);
        break;
    case 246:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(246, body, size);
        break;
    case 247:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(247, body, size);
        break;
    case 248:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(248, body, size);
        break;
    case 249:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(249, body, size);
        break;
    case 250:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(250, body, size);
        break;
    case 251:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(251, body, size);
        break;
    case 252:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(252, body, size);
        break;
    case 253:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(253, body, size);
        break;
    case 254:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(254, body, size);
        break;
    case 255:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(255, body, size);
        break;
    case 256:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(256, body, size);
        break;
    case 257:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(257, body, size);
        break;
    case 258:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(258, body, size);
        break;
    case 259:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(259, body, size);
        break;
    case 260:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(260, body, size);
        break;
    case 261:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(261, body, size);
        break;
    case 262:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(262, body, size);
        break;
    case 263:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(263, body, size);
        break;
    case 264:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(264, body, size);
        break;
    case 265:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(265, body, size);
        break;
    case 266:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(266, body, size);
        break;
    case 267:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(267, body, size);
        break;
    case 268:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(268, body, size);
        break;
    case 269:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(269, body, size);
        break;
    case 270:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(270, body, size);
        break;
    case 271:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(271, body, size);
        break;
    case 272:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(272, body, size);
        break;
    case 273:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(273, body, size);
        break;
    case 274:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(274, body, size);
        break;
    case 275:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(275, body, size);
        break;
    case 276:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(276, body, size);
        break;
    case 277:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(277, body, size);
        break;
    case 278:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(278, body, size);
        break;
    case 279:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(279, body, size);
        break;
    case 280:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(280, body, size);
        break;
    case 281:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(281, body, size);
        break;
    case 282:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(282, body, size);
        break;
    case 283:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(283, body, size);
        break;
    case 284:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(284, body, size);
        break;
    case 285:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(285, body, size);
        break;
    case 286:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(286, body, size);
        break;
    case 287:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(287, body, size);
        break;
    case 288:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(288, body, size);
        break;
    case 289:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(289, body, size);
        break;
    case 290:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(290, body, size);
        break;
    case 291:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(291, body, size);
        break;
    case 292:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(292, body, size);
        break;
    case 293:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(293, body, size);
        break;
    case 294:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(294, body, size);
        break;
    case 295:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(295, body, size);
        break;
    case 296:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(296, body, size);
        break;
    case 297:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(297, body, size);
        break;
    case 298:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(298, body, size);
        break;
    case 299:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(299, body, size);
        break;
    case 300:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(300, body, size);
        break;
    case 301:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(301, body, size);
        break;
    case 302:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(302, body, size);
        break;
    case 303:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(303, body, size);
        break;
    case 304:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(304, body, size);
        break;
    case 305:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(305, body, size);
        break;
    case 306:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(306, body, size);
        break;
    case 307:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(307, body, size);
        break;
    case 308:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(308, body, size);
        break;
    case 309:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(309, body, size);
        break;
    case 310:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(310, body, size);
        break;
    case 311:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(311, body, size);
        break;
    case 312:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(312, body, size);
        break;
    case 313:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(313, body, size);
        break;
    case 314:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(314, body, size);
        break;
    case 315:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(315, body, size);
        break;
    case 316:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(316, body, size);
        break;
    case 317:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(317, body, size);
        break;
    case 318:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(318, body, size);
        break;
    case 319:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(319, body, size);
        break;
    case 320:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(320, body, size);
        break;
    case 321:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(321, body, size);
        break;
    case 322:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(322, body, size);
        break;
    case 323:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(323, body, size);
        break;
    case 324:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(324, body, size);
        break;
    case 325:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(325, body, size);
        break;
    case 326:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(326, body, size);
        break;
    case 327:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(327, body, size);
        break;
    case 328:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(328, body, size);
        break;
    case 329:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(329, body, size);
        break;
    case 330:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(330, body, size);
        break;
    case 331:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(331, body, size);
        break;
    case 332:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(332, body, size);
        break;
    case 333:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(333, body, size);
        break;
    case 334:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(334, body, size);
        break;
    case 335:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(335, body, size);
        break;
    case 336:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(336, body, size);
        break;
    case 337:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(337, body, size);
        break;
    case 338:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(338, body, size);
        break;
    case 339:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(339, body, size);
        break;
    case 340:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(340, body, size);
        break;
    case 341:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(341, body, size);
        break;
    case 342:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(342, body, size);
        break;
    case 343:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(343, body, size);
        break;
    case 344:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(344, body, size);
        break;
    case 345:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(345, body, size);
        break;
    case 346:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(346, body, size);
        break;
    case 347:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(347, body, size);
        break;
    case 348:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(348, body, size);
        break;
    case 349:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(349, body, size);
        break;
    case 350:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(350, body, size);
        break;
    case 351:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(351, body, size);
        break;
    case 352:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(352, body, size);
        break;
    case 353:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(353, body, size);
        break;
    case 354:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(354, body, size);
        break;
    case 355:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(355, body, size);
        break;
    case 356:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(356, body, size);
        break;
    case 357:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(357, body, size);
        break;
    case 358:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(358, body, size);
        break;
    case 359:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(359, body, size);
        break;
    case 360:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(360, body, size);
        break;
    case 361:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(361, body, size);
        break;
    case 362:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(362, body, size);
        break;
    case 363:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(363, body, size);
        break;
    case 364:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(364, body, size);
        break;
    case 365:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(365, body, size);
        break;
    case 366:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(366, body, size);
        break;
    case 367:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(367, body, size);
        break;
    case 368:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(368, body, size);
        break;
    case 369:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(369, body, size);
        break;
    case 370:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(370, body, size);
        break;
    case 371:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(371, body, size);
        break;
    case 372:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(372, body, size);
        break;
    case 373:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(373, body, size);
        break;
    case 374:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(374, body, size);
        break;
    case 375:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(375, body, size);
        break;
    case 376:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(376, body, size);
        break;
    case 377:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(377, body, size);
        break;
    case 378:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(378, body, size);
        break;
    case 379:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(379, body, size);
        break;
    case 380:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(380, body, size);
        break;
    case 381:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(381, body, size);
        break;
    case 382:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(382, body, size);
        break;
    case 383:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(383, body, size);
        break;
    case 384:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(384, body, size);
        break;
    case 385:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(385, body, size);
        break;
    case 386:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(386, body, size);
        break;
    case 387:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(387, body, size);
        break;
    case 388:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(388, body, size);
        break;
    case 389:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(389, body, size);
        break;
    case 390:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(390, body, size);
        break;
    case 391:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(391, body, size);
        break;
    case 392:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(392, body, size);
        break;
    case 393:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(393, body, size);
        break;
    case 394:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(394, body, size);
        break;
    case 395:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(395, body, size);
        break;
    case 396:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(396, body, size);
        break;
    case 397:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(397, body, size);
        break;
    case 398:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(398, body, size);
        break;
    case 399:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(399, body, size);
        break;
    case 400:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(400, body, size);
        break;
    case 401:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(401, body, size);
        break;
    case 402:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(402, body, size);
        break;
    case 403:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(403, body, size);
        break;
    case 404:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(404, body, size);
        break;
    case 405:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(405, body, size);
        break;
    case 406:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(406, body, size);
        break;
    case 407:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(407, body, size);
        break;
    case 408:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(408, body, size);
        break;
    case 409:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(409, body, size);
        break;
    case 410:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(410, body, size);
        break;
    case 411:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(411, body, size);
        break;
    case 412:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(412, body, size);
        break;
    case 413:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(413, body, size);
        break;
    case 414:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(414, body, size);
        break;
    case 415:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(415, body, size);
        break;
    case 416:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(416, body, size);
        break;
    case 417:
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'DispatchCommand' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        if (size > 4513) // CHECK-NOTE: assuming the condition is true
            return ERROR_INVALID_PARAMETER; // CHECK-NOTE: returns here while still impersonating
        err = RunCommand(417, body, size);
        break;
    case 418:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(418, body, size);
        break;
    case 419:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(419, body, size);
        break;
    case 420:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(420, body, size);
        break;
    case 421:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(421, body, size);
        break;
    case 422:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(422, body, size);
        break;
    case 423:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(423, body, size);
        break;
    case 424:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(424, body, size);
        break;
    case 425:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(425, body, size);
        break;
    case 426:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(426, body, size);
        break;
    case 427:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(427, body, size);
        break;
    case 428:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(428, body, size);
        break;
    case 429:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(429, body, size);
        break;
    case 430:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(430, body, size);
        break;
    case 431:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(431, body, size);
        break;
    case 432:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(432, body, size);
        break;
    case 433:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(433, body, size);
        break;
    case 434:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(434, body, size);
        break;
    case 435:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(435, body, size);
        break;
    case 436:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(436, body, size);
        break;
    case 437:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(437, body, size);
        break;
    case 438:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(438, body, size);
        break;
    case 439:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(439, body, size);
        break;
    case 440:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(440, body, size);
        break;
    case 441:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(441, body, size);
        break;
    case 442:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(442, body, size);
        break;
    case 443:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(443, body, size);
        break;
    case 444:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(444, body, size);
        break;
    case 445:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(445, body, size);
        break;
    case 446:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(446, body, size);
        break;
    case 447:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(447, body, size);
        break;
    case 448:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(448, body, size);
        break;
    case 449:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(449, body, size);
        break;
    case 450:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(450, body, size);
        break;
    case 451:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(451, body, size);
        break;
    case 452:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(452, body, size);
        break;
    case 453:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(453, body, size);
        break;
    case 454:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(454, body, size);
        break;
    case 455:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(455, body, size);
        break;
    case 456:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(456, body, size);
        break;
    case 457:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(457, body, size);
        break;
    case 458:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(458, body, size);
        break;
    case 459:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(459, body, size);
        break;
    case 460:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(460, body, size);
        break;
    case 461:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(461, body, size);
        break;
    case 462:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(462, body, size);
        break;
    case 463:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(463, body, size);
        break;
    case 464:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(464, body, size);
        break;
    case 465:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(465, body, size);
        break;
    case 466:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(466, body, size);
        break;
    case 467:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(467, body, size);
        break;
    case 468:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(468, body, size);
        break;
    case 469:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(469, body, size);
        break;
    case 470:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(470, body, size);
        break;
    case 471:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(471, body, size);
        break;
    case 472:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(472, body, size);
        break;
    case 473:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(473, body, size);
        break;
    case 474:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(474, body, size);
        break;
    case 475:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(475, body, size);
        break;
    case 476:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(476, body, size);
        break;
    case 477:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(477, body, size);
        break;
    case 478:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(478, body, size);
        break;
    case 479:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(479, body, size);
        break;
    case 480:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(480, body, size);
        break;
    case 481:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(481, body, size);
        break;
    case 482:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(482, body, size);
        break;
    case 483:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(483, body, size);
        break;
    case 484:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(484, body, size);
        break;
    case 485:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(485, body, size);
        break;
    case 486:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(486, body, size);
        break;
    case 487:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(487, body, size);
        break;
    case 488:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(488, body, size);
        break;
    case 489:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(489, body, size);
        break;
    case 490:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(490, body, size);
        break;
    case 491:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(491, body, size);
        break;
    case 492:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(492, body, size);
        break;
    case 493:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(493, body, size);
        break;
    case 494:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(494, body, size);
        break;
    case 495:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(495, body, size);
        break;
    case 496:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(496, body, size);
        break;
    case 497:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(497, body, size);
        break;
    case 498:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(498, body, size);
        break;
    case 499:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(499, body, size);
        break;
    case 500:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(500, body, size);
        break;
    case 501:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(501, body, size);
        break;
    case 502:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(502, body, size);
        break;
    case 503:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(503, body, size);
        break;
    case 504:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(504, body, size);
        break;
    case 505:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(505, body, size);
        break;
    case 506:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(506, body, size);
        break;
    case 507:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(507, body, size);
        break;
    case 508:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(508, body, size);
        break;
    case 509:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(509, body, size);
        break;
    case 510:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(510, body, size);
        break;
    case 511:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(511, body, size);
        break;
    case 512:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(512, body, size);
        break;
    case 513:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(513, body, size);
        break;
    case 514:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(514, body, size);
        break;
    case 515:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(515, body, size);
        break;
    case 516:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(516, body, size);
        break;
    case 517:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(517, body, size);
        break;
    case 518:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(518, body, size);
        break;
    case 519:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(519, body, size);
        break;
    case 520:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(520, body, size);
        break;
    case 521:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(521, body, size);
        break;
    case 522:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(522, body, size);
        break;
    case 523:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(523, body, size);
        break;
    case 524:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(524, body, size);
        break;
    case 525:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(525, body, size);
        break;
    case 526:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(526, body, size);
        break;
    case 527:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(527, body, size);
        break;
    case 528:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(528, body, size);
        break;
    case 529:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(529, body, size);
        break;
    case 530:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(530, body, size);
        break;
    case 531:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(531, body, size);
        break;
    case 532:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(532, body, size);
        break;
    case 533:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(533, body, size);
        break;
    case 534:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(534, body, size);
        break;
    case 535:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(535, body, size);
        break;
    case 536:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(536, body, size);
        break;
    case 537:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(537, body, size);
        break;
    case 538:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(538, body, size);
        break;
    case 539:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(539, body, size);
        break;
    case 540:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(540, body, size);
        break;
    case 541:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(541, body, size);
        break;
    case 542:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(542, body, size);
        break;
    case 543:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(543, body, size);
        break;
    case 544:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(544, body, size);
        break;
    case 545:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(545, body, size);
        break;
    case 546:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(546, body, size);
        break;
    case 547:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(547, body, size);
        break;
    case 548:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(548, body, size);
        break;
    case 549:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(549, body, size);
        break;
    case 550:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(550, body, size);
        break;
    case 551:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(551, body, size);
        break;
    case 552:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(552, body, size);
        break;
    case 553:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(553, body, size);
        break;
    case 554:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(554, body, size);
        break;
    case 555:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(555, body, size);
        break;
    case 556:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(556, body, size);
        break;
    case 557:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(557, body, size);
        break;
    case 558:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(558, body, size);
        break;
    case 559:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(559, body, size);
        break;
    case 560:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(560, body, size);
        break;
    case 561:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(561, body, size);
        break;
    case 562:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(562, body, size);
        break;
    case 563:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(563, body, size);
        break;
    case 564:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(564, body, size);
        break;
    case 565:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(565, body, size);
        break;
    case 566:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(566, body, size);
        break;
    case 567:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(567, body, size);
        break;
    case 568:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(568, body, size);
        break;
    case 569:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(569, body, size);
        break;
    case 570:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(570, body, size);
        break;
    case 571:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(571, body, size);
        break;
    case 572:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(572, body, size);
        break;
    case 573:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(573, body, size);
        break;
    case 574:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(574, body, size);
        break;
    case 575:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(575, body, size);
        break;
    case 576:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(576, body, size);
        break;
    case 577:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(577, body, size);
        break;
    case 578:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(578, body, size);
        break;
    case 579:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(579, body, size);
        break;
    case 580:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(580, body, size);
        break;
    case 581:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(581, body, size);
        break;
    case 582:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(582, body, size);
        break;
    case 583:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(583, body, size);
        break;
    case 584:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(584, body, size);
        break;
    case 585:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(585, body, size);
        break;
    case 586:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(586, body, size);
        break;
    case 587:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(587, body, size);
        break;
    case 588:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(588, body, size);
        break;
    case 589:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(589, body, size);
        break;
    case 590:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(590, body, size);
        break;
    case 591:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(591, body, size);
        break;
    case 592:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(592, body, size);
        break;
    case 593:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(593, body, size);
        break;
    case 594:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(594, body, size);
        break;
    case 595:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(595, body, size);
        break;
    case 596:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(596, body, size);
        break;
    case 597:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(597, body, size);
        break;
    case 598:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(598, body, size);
        break;
    case 599:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(599, body, size);
        break;
    case 600:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(600, body, size);
        break;
    case 601:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(601, body, size);
        break;
    case 602:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(602, body, size);
        break;
    case 603:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(603, body, size);
        break;
    case 604:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(604, body, size);
        break;
    case 605:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(605, body, size);
        break;
    case 606:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(606, body, size);
        break;
    case 607:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(607, body, size);
        break;
    case 608:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(608, body, size);
        break;
    case 609:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(609, body, size);
        break;
    case 610:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(610, body, size);
        break;
    case 611:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(611, body, size);
        break;
    case 612:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(612, body, size);
        break;
    case 613:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(613, body, size);
        break;
    case 614:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(614, body, size);
        break;
    case 615:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(615, body, size);
        break;
    case 616:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(616, body, size);
        break;
    case 617:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(617, body, size);
        break;
    case 618:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(618, body, size);
        break;
    case 619:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(619, body, size);
        break;
    case 620:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(620, body, size);
        break;
    case 621:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(621, body, size);
        break;
    case 622:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(622, body, size);
        break;
    case 623:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(623, body, size);
        break;
    case 624:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(624, body, size);
        break;
    case 625:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(625, body, size);
        break;
    case 626:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(626, body, size);
        break;
    case 627:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(627, body, size);
        break;
    case 628:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(628, body, size);
        break;
    case 629:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(629, body, size);
        break;
    case 630:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(630, body, size);
        break;
    case 631:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(631, body, size);
        break;
    case 632:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(632, body, size);
        break;
    case 633:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(633, body, size);
        break;
    case 634:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(634, body, size);
        break;
    case 635:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(635, body, size);
        break;
    case 636:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(636, body, size);
        break;
    case 637:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(637, body, size);
        break;
    case 638:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(638, body, size);
        break;
    case 639:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(639, body, size);
        break;
    case 640:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(640, body, size);
        break;
    case 641:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(641, body, size);
        break;
    case 642:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(642, body, size);
        break;
    case 643:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(643, body, size);
        break;
    case 644:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(644, body, size);
        break;
    case 645:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(645, body, size);
        break;
    case 646:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(646, body, size);
        break;
    case 647:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(647, body, size);
        break;
    case 648:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(648, body, size);
        break;
    case 649:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(649, body, size);
        break;
    case 650:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(650, body, size);
        break;
    case 651:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(651, body, size);
        break;
    case 652:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(652, body, size);
        break;
    case 653:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(653, body, size);
        break;
    case 654:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(654, body, size);
        break;
    case 655:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(655, body, size);
        break;
    case 656:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(656, body, size);
        break;
    case 657:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(657, body, size);
        break;
    case 658:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(658, body, size);
        break;
    case 659:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(659, body, size);
        break;
    case 660:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(660, body, size);
        break;
    case 661:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(661, body, size);
        break;
    case 662:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(662, body, size);
        break;
    case 663:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(663, body, size);
        break;
    case 664:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(664, body, size);
        break;
    case 665:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(665, body, size);
        break;
    case 666:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(666, body, size);
        break;
    case 667:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(667, body, size);
        break;
    case 668:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(668, body, size);
        break;
    case 669:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(669, body, size);
        break;
    case 670:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(670, body, size);
        break;
    case 671:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(671, body, size);
        break;
    case 672:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(672, body, size);
        break;
    case 673:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(673, body, size);
        break;
    case 674:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(674, body, size);
        break;
    case 675:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(675, body, size);
        break;
    case 676:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(676, body, size);
        break;
    case 677:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(677, body, size);
        break;
    case 678:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(678, body, size);
        break;
    case 679:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(679, body, size);
        break;
    case 680:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(680, body, size);
        break;
    case 681:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(681, body, size);
        break;
    case 682:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(682, body, size);
        break;
    case 683:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(683, body, size);
        break;
    case 684:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(684, body, size);
        break;
    case 685:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(685, body, size);
        break;
    case 686:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(686, body, size);
        break;
    case 687:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(687, body, size);
        break;
    case 688:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(688, body, size);
        break;
    case 689:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(689, body, size);
        break;
    case 690:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(690, body, size);
        break;
    case 691:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(691, body, size);
        break;
    case 692:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(692, body, size);
        break;
    case 693:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(693, body, size);
        break;
    case 694:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(694, body, size);
        break;
    case 695:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(695, body, size);
        break;
    case 696:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(696, body, size);
        break;
    case 697:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(697, body, size);
        break;
    case 698:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(698, body, size);
        break;
    case 699:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(699, body, size);
        break;
    case 700:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(700, body, size);
        break;
    case 701:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(701, body, size);
        break;
    case 702:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(702, body, size);
        break;
    case 703:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(703, body, size);
        break;
    case 704:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(704, body, size);
        break;
    case 705:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(705, body, size);
        break;
    case 706:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(706, body, size);
        break;
    case 707:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(707, body, size);
        break;
    case 708:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(708, body, size);
        break;
    case 709:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(709, body, size);
        break;
    case 710:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(710, body, size);
        break;
    case 711:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(711, body, size);
        break;
    case 712:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(712, body, size);
        break;
    case 713:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(713, body, size);
        break;
    case 714:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(714, body, size);
        break;
    case 715:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(715, body, size);
        break;
    case 716:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(716, body, size);
        break;
    case 717:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(717, body, size);
        break;
    case 718:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(718, body, size);
        break;
    case 719:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(719, body, size);
        break;
    case 720:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(720, body, size);
        break;
    case 721:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(721, body, size);
        break;
    case 722:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(722, body, size);
        break;
    case 723:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(723, body, size);
        break;
    case 724:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(724, body, size);
        break;
    case 725:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(725, body, size);
        break;
    case 726:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(726, body, size);
        break;
    case 727:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(727, body, size);
        break;
    case 728:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(728, body, size);
        break;
    case 729:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(729, body, size);
        break;
    case 730:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(730, body, size);
        break;
    case 731:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(731, body, size);
        break;
    case 732:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(732, body, size);
        break;
    case 733:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(733, body, size);
        break;
    case 734:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(734, body, size);
        break;
    case 735:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(735, body, size);
        break;
    case 736:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(736, body, size);
        break;
    case 737:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(737, body, size);
        break;
    case 738:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(738, body, size);
        break;
    case 739:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(739, body, size);
        break;
    case 740:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(740, body, size);
        break;
    case 741:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(741, body, size);
        break;
    case 742:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(742, body, size);
        break;
    case 743:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(743, body, size);
        break;
    case 744:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(744, body, size);
        break;
    case 745:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(745, body, size);
        break;
    case 746:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(746, body, size);
        break;
    case 747:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(747, body, size);
        break;
    case 748:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(748, body, size);
        break;
    case 749:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(749, body, size);
        break;
    case 750:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(750, body, size);
        break;
    case 751:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(751, body, size);
        break;
    case 752:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(752, body, size);
        break;
    case 753:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(753, body, size);
        break;
    case 754:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(754, body, size);
        break;
    case 755:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(755, body, size);
        break;
    case 756:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(756, body, size);
        break;
    case 757:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(757, body, size);
        break;
    case 758:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(758, body, size);
        break;
    case 759:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(759, body, size);
        break;
    case 760:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(760, body, size);
        break;
    case 761:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(761, body, size);
        break;
    case 762:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(762, body, size);
        break;
    case 763:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(763, body, size);
        break;
    case 764:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(764, body, size);
        break;
    case 765:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(765, body, size);
        break;
    case 766:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(766, body, size);
        break;
    case 767:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(767, body, size);
        break;
    case 768:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(768, body, size);
        break;
    case 769:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(769, body, size);
        break;
    case 770:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(770, body, size);
        break;
    case 771:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(771, body, size);
        break;
    case 772:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(772, body, size);
        break;
    case 773:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(773, body, size);
        break;
    case 774:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(774, body, size);
        break;
    case 775:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(775, body, size);
        break;
    case 776:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(776, body, size);
        break;
    case 777:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(777, body, size);
        break;
    case 778:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(778, body, size);
        break;
    case 779:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(779, body, size);
        break;
    case 780:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(780, body, size);
        break;
    case 781:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(781, body, size);
        break;
    case 782:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(782, body, size);
        break;
    case 783:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(783, body, size);
        break;
    case 784:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(784, body, size);
        break;
    case 785:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(785, body, size);
        break;
    case 786:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(786, body, size);
        break;
    case 787:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(787, body, size);
        break;
    case 788:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(788, body, size);
        break;
    case 789:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(789, body, size);
        break;
    case 790:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(790, body, size);
        break;
    case 791:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(791, body, size);
        break;
    case 792:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(792, body, size);
        break;
    case 793:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(793, body, size);
        break;
    case 794:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(794, body, size);
        break;
    case 795:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(795, body, size);
        break;
    case 796:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(796, body, size);
        break;
    case 797:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(797, body, size);
        break;
    case 798:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(798, body, size);
        break;
    case 799:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(799, body, size);
        break;
    case 800:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(800, body, size);
        break;
    case 801:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(801, body, size);
        break;
    case 802:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(802, body, size);
        break;
    case 803:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(803, body, size);
        break;
    case 804:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(804, body, size);
        break;
    case 805:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(805, body, size);
        break;
    case 806:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(806, body, size);
        break;
    case 807:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(807, body, size);
        break;
    case 808:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(808, body, size);
        break;
    case 809:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(809, body, size);
        break;
    case 810:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(810, body, size);
        break;
    case 811:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(811, body, size);
        break;
    case 812:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(812, body, size);
        break;
    case 813:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(813, body, size);
        break;
    case 814:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(814, body, size);
        break;
    case 815:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(815, body, size);
        break;
    case 816:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(816, body, size);
        break;
    case 817:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(817, body, size);
        break;
    case 818:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(818, body, size);
        break;
    case 819:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(819, body, size);
        break;
    case 820:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(820, body, size);
        break;
    case 821:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(821, body, size);
        break;
    case 822:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(822, body, size);
        break;
    case 823:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(823, body, size);
        break;
    case 824:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(824, body, size);
        break;
    case 825:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(825, body, size);
        break;
    case 826:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(826, body, size);
        break;
    case 827:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(827, body, size);
        break;
    case 828:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(828, body, size);
        break;
    case 829:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(829, body, size);
        break;
    case 830:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(830, body, size);
        break;
    case 831:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(831, body, size);
        break;
    case 832:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(832, body, size);
        break;
    case 833:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(833, body, size);
        break;
    case 834:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(834, body, size);
        break;
    case 835:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(835, body, size);
        break;
    case 836:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(836, body, size);
        break;
    case 837:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(837, body, size);
        break;
    case 838:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(838, body, size);
        break;
    case 839:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(839, body, size);
        break;
    case 840:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(840, body, size);
        break;
    case 841:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(841, body, size);
        break;
    case 842:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(842, body, size);
        break;
    case 843:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(843, body, size);
        break;
    case 844:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(844, body, size);
        break;
    case 845:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(845, body, size);
        break;
    case 846:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(846, body, size);
        break;
    case 847:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(847, body, size);
        break;
    case 848:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(848, body, size);
        break;
    case 849:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(849, body, size);
        break;
    case 850:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(850, body, size);
        break;
    case 851:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(851, body, size);
        break;
    case 852:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(852, body, size);
        break;
    case 853:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(853, body, size);
        break;
    case 854:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(854, body, size);
        break;
    case 855:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(855, body, size);
        break;
    case 856:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(856, body, size);
        break;
    case 857:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(857, body, size);
        break;
    case 858:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(858, body, size);
        break;
    case 859:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(859, body, size);
        break;
    case 860:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(860, body, size);
        break;
    case 861:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(861, body, size);
        break;
    case 862:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(862, body, size);
        break;
    case 863:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(863, body, size);
        break;
    case 864:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(864, body, size);
        break;
    case 865:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(865, body, size);
        break;
    case 866:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(866, body, size);
        break;
    case 867:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(867, body, size);
        break;
    case 868:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(868, body, size);
        break;
    case 869:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(869, body, size);
        break;
    case 870:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(870, body, size);
        break;
    case 871:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(871, body, size);
        break;
    case 872:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(872, body, size);
        break;
    case 873:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(873, body, size);
        break;
    case 874:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(874, body, size);
        break;
    case 875:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(875, body, size);
        break;
    case 876:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(876, body, size);
        break;
    case 877:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(877, body, size);
        break;
    case 878:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(878, body, size);
        break;
    case 879:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(879, body, size);
        break;
    case 880:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(880, body, size);
        break;
    case 881:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(881, body, size);
        break;
    case 882:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(882, body, size);
        break;
    case 883:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(883, body, size);
        break;
    case 884:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(884, body, size);
        break;
    case 885:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(885, body, size);
        break;
    case 886:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(886, body, size);
        break;
    case 887:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(887, body, size);
        break;
    case 888:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(888, body, size);
        break;
    case 889:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(889, body, size);
        break;
    case 890:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(890, body, size);
        break;
    case 891:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(891, body, size);
        break;
    case 892:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(892, body, size);
        break;
    case 893:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(893, body, size);
        break;
    case 894:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(894, body, size);
        break;
    case 895:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(895, body, size);
        break;
    case 896:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(896, body, size);
        break;
    case 897:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(897, body, size);
        break;
    case 898:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(898, body, size);
        break;
    case 899:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(899, body, size);
        break;
    case 900:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(900, body, size);
        break;
    case 901:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(901, body, size);
        break;
    case 902:
        // CHECK-WARNING@+2: impersonation begun by 'ImpersonateNamedPipeClient' is still in force when 'DispatchCommand' returns [impersonation-missing-revert]
        // CHECK-NOTE@+1: assuming the condition is false
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        if (size > 4998) // CHECK-NOTE: assuming the condition is true
            return ERROR_INVALID_PARAMETER; // CHECK-NOTE: returns here while still impersonating
        err = RunCommand(902, body, size);
        break;
    case 903:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(903, body, size);
        break;
    case 904:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(904, body, size);
        break;
    case 905:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(905, body, size);
        break;
    case 906:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(906, body, size);
        break;
    case 907:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(907, body, size);
        break;
    case 908:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(908, body, size);
        break;
    case 909:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(909, body, size);
        break;
    case 910:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(910, body, size);
        break;
    case 911:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(911, body, size);
        break;
    case 912:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(912, body, size);
        break;
    case 913:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(913, body, size);
        break;
    case 914:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(914, body, size);
        break;
    case 915:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(915, body, size);
        break;
    case 916:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(916, body, size);
        break;
    case 917:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(917, body, size);
        break;
    case 918:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(918, body, size);
        break;
    case 919:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(919, body, size);
        break;
    case 920:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(920, body, size);
        break;
    case 921:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(921, body, size);
        break;
    case 922:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(922, body, size);
        break;
    case 923:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(923, body, size);
        break;
    case 924:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(924, body, size);
        break;
    case 925:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(925, body, size);
        break;
    case 926:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(926, body, size);
        break;
    case 927:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(927, body, size);
        break;
    case 928:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(928, body, size);
        break;
    case 929:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(929, body, size);
        break;
    case 930:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(930, body, size);
        break;
    case 931:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(931, body, size);
        break;
    case 932:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(932, body, size);
        break;
    case 933:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(933, body, size);
        break;
    case 934:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(934, body, size);
        break;
    case 935:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(935, body, size);
        break;
    case 936:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(936, body, size);
        break;
    case 937:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(937, body, size);
        break;
    case 938:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(938, body, size);
        break;
    case 939:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(939, body, size);
        break;
    case 940:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(940, body, size);
        break;
    case 941:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(941, body, size);
        break;
    case 942:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(942, body, size);
        break;
    case 943:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(943, body, size);
        break;
    case 944:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(944, body, size);
        break;
    case 945:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(945, body, size);
        break;
    case 946:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(946, body, size);
        break;
    case 947:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(947, body, size);
        break;
    case 948:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(948, body, size);
        break;
    case 949:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(949, body, size);
        break;
    case 950:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(950, body, size);
        break;
    case 951:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(951, body, size);
        break;
    case 952:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(952, body, size);
        break;
    case 953:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(953, body, size);
        break;
    case 954:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(954, body, size);
        break;
    case 955:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(955, body, size);
        break;
    case 956:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(956, body, size);
        break;
    case 957:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(957, body, size);
        break;
    case 958:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(958, body, size);
        break;
    case 959:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(959, body, size);
        break;
    case 960:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(960, body, size);
        break;
    case 961:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(961, body, size);
        break;
    case 962:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(962, body, size);
        break;
    case 963:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(963, body, size);
        break;
    case 964:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(964, body, size);
        break;
    case 965:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(965, body, size);
        break;
    case 966:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(966, body, size);
        break;
    case 967:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(967, body, size);
        break;
    case 968:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(968, body, size);
        break;
    case 969:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(969, body, size);
        break;
    case 970:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(970, body, size);
        break;
    case 971:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(971, body, size);
        break;
    case 972:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(972, body, size);
        break;
    case 973:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(973, body, size);
        break;
    case 974:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(974, body, size);
        break;
    case 975:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(975, body, size);
        break;
    case 976:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(976, body, size);
        break;
    case 977:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(977, body, size);
        break;
    case 978:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(978, body, size);
        break;
    case 979:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(979, body, size);
        break;
    case 980:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(980, body, size);
        break;
    case 981:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(981, body, size);
        break;
    case 982:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(982, body, size);
        break;
    case 983:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(983, body, size);
        break;
    case 984:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(984, body, size);
        break;
    case 985:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(985, body, size);
        break;
    case 986:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(986, body, size);
        break;
    case 987:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(987, body, size);
        break;
    case 988:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(988, body, size);
        break;
    case 989:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(989, body, size);
        break;
    case 990:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(990, body, size);
        break;
    case 991:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(991, body, size);
        break;
    case 992:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(992, body, size);
        break;
    case 993:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(993, body, size);
        break;
    case 994:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(994, body, size);
        break;
    case 995:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(995, body, size);
        break;
    case 996:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(996, body, size);
        break;
    case 997:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(997, body, size);
        break;
    case 998:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(998, body, size);
        break;
    case 999:
        if (!ImpersonateNamedPipeClient(pipe))
            return GetLastError();
        err = RunCommand(999, body, size);
        break;
    default:
        return ERROR_INVALID_FUNCTION;
    }
    if (err != ERROR_SUCCESS)
        AuditCommand(code, err);
    else if (size > 65536)
        AuditCommand(code, size);
    RevertToSelf();
    return err;
}
